namespace FedDashboard.Core.Domain.Enrolment;

/// <summary>How many calls of one terminal the edge refused with one protocol error code, and the latest one's message.</summary>
public sealed class TerminalRefusalCount
{
    private TerminalRefusalCount() => Code = LastMessage = "";

    public TerminalRefusalCount(int terminalId, string code, string message, DateTimeOffset at)
    {
        TerminalId = terminalId;
        Code = code;
        LastMessage = message;
        LastAt = at;
        Count = 1;
    }

    public int TerminalId { get; private set; }
    public string Code { get; private set; }
    public long Count { get; private set; }
    public DateTimeOffset LastAt { get; private set; }
    public string LastMessage { get; private set; }

    public const int MessageMaxLength = 500;
}
