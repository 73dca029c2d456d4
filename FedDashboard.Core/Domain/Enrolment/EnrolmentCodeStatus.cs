namespace FedDashboard.Core.Domain.Enrolment;

/// <summary>Whether a terminal can enrol with a code now, and if not, why.</summary>
public enum EnrolmentCodeStatus
{
    Active,
    Expired,
    UsedUp,
    Revoked,
}
