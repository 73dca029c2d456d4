using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Tests.Shared;
using System.Security.Cryptography;

namespace FedDashboard.Tests.Core.Learning;

public sealed class ModelBlobStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Put_NewSet_ReturnsLowercaseSha256OfEncodedBytes()
    {
        var store = new ModelBlobStore(_folder.Path);
        var parameters = TestParameters.Set();
        using var encoded = new MemoryStream();
        ParameterSetCodec.Write(encoded, parameters);

        var hash = store.Put(parameters);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(encoded.ToArray())), hash);
    }

    [Fact]
    public void Put_NewSet_StoresUnderTwoCharacterPrefixFolder()
    {
        var store = new ModelBlobStore(_folder.Path);

        var hash = store.Put(TestParameters.Set());

        Assert.True(File.Exists(Path.Combine(_folder.Path, hash[..2], hash)));
    }

    [Fact]
    public void Get_StoredHash_ReturnsEqualValues()
    {
        var store = new ModelBlobStore(_folder.Path);
        var hash = store.Put(TestParameters.Set(w: [9f, 8f, 7f, 6f]));

        var loaded = store.Get(hash);

        Assert.Equal([9f, 8f, 7f, 6f], loaded["w"].Values);
    }

    [Fact]
    public void Get_SameHashTwice_ReadsTheFileOnce()
    {
        var store = new ModelBlobStore(_folder.Path);
        var hash = new ModelBlobStore(_folder.Path).Put(TestParameters.Set());
        var first = store.Get(hash);
        File.Delete(Path.Combine(_folder.Path, hash[..2], hash));

        var second = store.Get(hash);

        Assert.Same(first, second);
    }

    [Fact]
    public void Put_SameSetTwice_ReturnsSameHashAndLeavesOneFile()
    {
        var store = new ModelBlobStore(_folder.Path);

        var first = store.Put(TestParameters.Set());
        var second = store.Put(TestParameters.Set());

        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Exists_BeforeAndAfterPut_TurnsTrue()
    {
        var store = new ModelBlobStore(_folder.Path);
        var hash = new ModelBlobStore(Path.Combine(_folder.Path, "elsewhere")).Put(TestParameters.Set());

        var before = store.Exists(hash);
        store.Put(TestParameters.Set());

        Assert.False(before);
        Assert.True(store.Exists(hash));
    }

    [Fact]
    public void Get_FileContentChanged_ThrowsInvalidDataExceptionNamingBothHashes()
    {
        var store = new ModelBlobStore(_folder.Path);
        // Written by another store (another process): this one has not kept it decoded.
        var hash = new ModelBlobStore(_folder.Path).Put(TestParameters.Set());
        var path = Path.Combine(_folder.Path, hash[..2], hash);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => store.Get(hash));

        Assert.Contains($"not {hash}", error.Message);
    }

    [Fact]
    public void Get_UnknownHash_ThrowsFileNotFoundException()
    {
        var store = new ModelBlobStore(_folder.Path);

        Assert.Throws<FileNotFoundException>(() => store.Get(new string('a', 64)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    public void Exists_NotALowercaseSha256_ThrowsArgumentException(string hash)
    {
        var store = new ModelBlobStore(_folder.Path);

        Assert.Throws<ArgumentException>(() => store.Exists(hash));
    }
}
