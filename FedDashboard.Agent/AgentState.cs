using FedDashboard.Protocol;
using System.Text.Json;

namespace FedDashboard.Agent;

/// <summary>
/// The agent's folder: its identity (the credential, readable only by its user), downloaded models and the result waiting
/// to be uploaded. The folder is 0700 and every file the agent writes 0600; a file is written whole or not at all.
/// </summary>
internal sealed class AgentState
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string IdentityFile = "identity.json";
    private const string PendingFile = "pending-upload.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public AgentState(string folder)
    {
        Folder = folder;
        CreatePrivateFolder(folder);
        CreatePrivateFolder(Models);
        CreatePrivateFolder(Results);
    }

    public string Folder { get; }
    public string Models => Path.Combine(Folder, "models");
    public string Results => Path.Combine(Folder, "results");
    public string IdentityPath => Path.Combine(Folder, IdentityFile);

    public AgentIdentity? LoadIdentity() => Load<AgentIdentity>(IdentityPath);

    public void Save(AgentIdentity identity) => WritePrivate(IdentityPath, JsonSerializer.Serialize(identity, Json));

    public PendingUpload? LoadPending() => Load<PendingUpload>(Path.Combine(Results, PendingFile));

    public void Save(PendingUpload pending) => WritePrivate(Path.Combine(Results, PendingFile), JsonSerializer.Serialize(pending, Json));

    public void Clear(PendingUpload pending)
    {
        File.Delete(Path.Combine(Results, PendingFile));
        File.Delete(pending.WeightsPath);
    }

    /// <summary>Writes a file only its user may read: a new file made 0600 beside the old, then moved over it.</summary>
    public static void WritePrivate(string path, string text)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var file = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile }))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(text);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A new file for the agent's own bytes (a model, a result), 0600.</summary>
    public static FileStream CreatePrivate(string path, FileMode mode) =>
        new(path, new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, UnixCreateMode = PrivateFile });

    private static void CreatePrivateFolder(string folder)
    {
        Directory.CreateDirectory(folder, PrivateFolder);
        // An existing folder keeps its mode on creation: tighten it.
        File.SetUnixFileMode(folder, PrivateFolder);
    }

    private static T? Load<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
        }
        catch (JsonException problem)
        {
            throw new InvalidDataException($"{path} is damaged ({problem.Message}); delete it to start over.", problem);
        }
    }
}

/// <summary>Who the agent is at which edge: what enrolment gave it, with the credential it holds now.</summary>
internal sealed record AgentIdentity(string Edge, int TerminalId, string Credential, int EdgeId, double EdgeX, double EdgeY, double HeartbeatSeconds)
{
    public static AgentIdentity From(Uri edge, Enrolled enrolled) =>
        new(edge.AbsoluteUri, enrolled.TerminalId, enrolled.Credential, enrolled.EdgeId, enrolled.EdgeX, enrolled.EdgeY, enrolled.HeartbeatSeconds);
}

/// <summary>A trained result not yet accepted by the edge; its key stays the same for every attempt, across restarts.</summary>
internal sealed record PendingUpload(int AssignmentId, ResultMetadata Metadata, string IdempotencyKey, string ContentHash, string WeightsPath);
