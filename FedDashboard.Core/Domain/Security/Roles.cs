namespace FedDashboard.Core.Domain.Security;

/// <summary>The roles operators sign in with; what each may do is decided in <see cref="Actor"/>.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Approver = "approver";
    public const string Administrator = "administrator";

    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Approver, Administrator];

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: who may change jobs and policies.</summary>
    public const string Operators = Operator + "," + Administrator;

    /// <summary>Who reads the audit log: those who answer for decisions, not every viewer.</summary>
    public const string AuditReaders = Approver + "," + Administrator;
}
