using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Model;

/// <summary>A terminal's activity as far as the database can tell it; only the fleet's live ticks know when one is uploading.</summary>
public static class TerminalActivities
{
    public static TerminalActivity Of(bool online, int? edgeId, bool hasOpenParticipation) =>
        !online ? TerminalActivity.Offline
        : edgeId is null ? TerminalActivity.OutOfCoverage
        : hasOpenParticipation ? TerminalActivity.Training
        : TerminalActivity.Idle;

    public static string Label(TerminalActivity activity) => activity switch
    {
        TerminalActivity.OutOfCoverage => "left coverage",
        _ => activity.ToString().ToLowerInvariant(),
    };

    /// <summary>Marker colours: colour-blind-safe (Okabe-Ito), grey for the two states in which a terminal cannot train.</summary>
    public static string Colour(TerminalActivity activity) => activity switch
    {
        TerminalActivity.Idle => "#0072B2",
        TerminalActivity.Training => "#009E73",
        TerminalActivity.Uploading => "#E69F00",
        TerminalActivity.OutOfCoverage => "#D55E00",
        _ => "#999999",
    };
}
