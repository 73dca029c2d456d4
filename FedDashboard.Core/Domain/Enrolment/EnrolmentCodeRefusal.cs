namespace FedDashboard.Core.Domain.Enrolment;

public enum EnrolmentCodeRefusal
{
    Revoked,
    Expired,
    UsedUp,
}
