namespace FedDashboard.Bench;

internal sealed record FleetRow(int Terminals, FleetWorkload.TickResult Ticks, FleetWorkload.PlanResult Plans);
