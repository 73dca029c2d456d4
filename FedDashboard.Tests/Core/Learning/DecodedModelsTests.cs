using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class DecodedModelsTests : IDisposable
{
    private readonly DecodedModels _models = new(byteBudget: 1 << 20);

    public void Dispose() => _models.Dispose();

    [Fact]
    public void GetOrAdd_SameHashTwice_DecodesOnceAndSharesTheSet()
    {
        var decoded = 0;
        ParameterSet Decode() { decoded++; return TestParameters.Set(); }

        var first = _models.GetOrAdd(new string('a', 64), Decode);
        var second = _models.GetOrAdd(new string('a', 64), Decode);

        Assert.Equal(1, decoded);
        Assert.Same(first, second);
    }

    [Fact]
    public void GetOrAdd_AnotherHash_DecodesItsOwnSet()
    {
        _models.GetOrAdd(new string('a', 64), () => TestParameters.Set(w: [1f, 1f, 1f, 1f]));

        var other = _models.GetOrAdd(new string('b', 64), () => TestParameters.Set(w: [2f, 2f, 2f, 2f]));

        Assert.Equal([2f, 2f, 2f, 2f], other["w"].Values);
    }

    [Fact]
    public void Add_SetLargerThanTheBudget_IsNotKept()
    {
        using var small = new DecodedModels(byteBudget: 8);

        small.Add(new string('a', 64), TestParameters.Set());

        Assert.False(small.TryGet(new string('a', 64), out _));
    }
}
