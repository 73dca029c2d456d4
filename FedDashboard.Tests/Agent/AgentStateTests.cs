using FedDashboard.Agent;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using System.Runtime.Versioning;

namespace FedDashboard.Tests.Agent;

[SupportedOSPlatform("linux")]
public sealed class AgentStateTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static AgentIdentity Identity(string credential = "fdt_secret") => new("http://edge:5080/", 7, credential, 2, 300, 400, 5);

    [Fact]
    public void Save_Identity_FileOnlyItsUserMayReadInAFolderOnlyItsUserMayEnter()
    {
        var state = new AgentState(_temp.File("state"));

        state.Save(Identity());

        Assert.Equal(AgentState.PrivateFile, File.GetUnixFileMode(state.IdentityPath));
        Assert.Equal(AgentState.PrivateFolder, File.GetUnixFileMode(state.Folder));
        Assert.Equal(Identity(), state.LoadIdentity());
    }

    [Fact]
    public void Save_OverAFileOthersCouldRead_LeavesItPrivate()
    {
        var state = new AgentState(_temp.File("state"));
        File.WriteAllText(state.IdentityPath, "{}");
        File.SetUnixFileMode(state.IdentityPath, AgentState.PrivateFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        state.Save(Identity("fdt_rotated"));

        Assert.Equal(AgentState.PrivateFile, File.GetUnixFileMode(state.IdentityPath));
        Assert.Equal("fdt_rotated", state.LoadIdentity()!.Credential);
    }

    [Fact]
    public void Constructor_ExistingOpenFolder_TightensIt()
    {
        var folder = Directory.CreateDirectory(_temp.File("open")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        _ = new AgentState(folder);

        Assert.Equal(AgentState.PrivateFolder, File.GetUnixFileMode(folder));
    }

    [Fact]
    public void LoadPending_AfterSave_SameKeyAndHash()
    {
        var state = new AgentState(_temp.File("state"));
        var pending = new PendingUpload(12, new ResultMetadata(600, 0.3, 0.9, 1000, 60, 60), "key-1", new string('a', 64), _temp.File("w"));

        state.Save(pending);

        Assert.Equal(pending, new AgentState(state.Folder).LoadPending());
    }

    [Fact]
    public void LoadIdentity_DamagedFile_SaysWhichAndWhatToDo()
    {
        var state = new AgentState(_temp.File("state"));
        File.WriteAllText(state.IdentityPath, "{not json");

        var problem = Assert.Throws<InvalidDataException>(state.LoadIdentity);

        Assert.Contains(state.IdentityPath, problem.Message);
        Assert.Contains("delete it", problem.Message);
    }

    public void Dispose() => _temp.Dispose();
}
