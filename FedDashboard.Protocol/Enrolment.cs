namespace FedDashboard.Protocol;

/// <summary>A terminal joins an edge with an operator's enrolment code and describes itself and its data.</summary>
/// <param name="Type">Phone, Tablet, Laptop, IoT … as the server's terminal types name them.</param>
/// <param name="Tier">Low, Mid or High.</param>
/// <param name="App">The app that produces the terminal's data.</param>
/// <param name="DataSamples">How many samples its own data holds.</param>
public sealed record EnrolRequest(
    string Code, string Name, string Type, string Tier, string App, int DataSamples, DateTimeOffset DataUpdatedAt, bool DataAnonymized, string AgentVersion);

/// <summary>The terminal's id and credential (shown once: the server keeps only its hash), and how it should heartbeat.</summary>
/// <param name="EdgeX">The centre of the enrolling edge's coverage, where a terminal without a position of its own may say it is.</param>
public sealed record Enrolled(int TerminalId, string Credential, int EdgeId, double EdgeX, double EdgeY, double HeartbeatSeconds);

/// <summary>The new credential; the one the call was made with no longer works.</summary>
public sealed record Rotated(string Credential);
