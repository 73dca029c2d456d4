using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Model;

/// <summary>An edge to filter the terminal list by; a null <see cref="EdgeId"/> stands for terminals outside every coverage.</summary>
public sealed record EdgeChoice(int? EdgeId, string Label);

/// <summary>What the Terminals page lists; every criterion left null lets every terminal through.</summary>
public sealed record TerminalListFilter(string? Search = null, EdgeChoice? Edge = null, bool? Online = null, TerminalType? Type = null, HardwareTier? Tier = null);

/// <summary>One sort key of the list, by the name of a <see cref="TerminalRow"/> property the grid shows.</summary>
public sealed record TerminalSort(string Column, bool Descending = false);

/// <summary>One page of the list and how many terminals the filter lets through.</summary>
public sealed record TerminalPage(IReadOnlyList<TerminalRow> Rows, int Total);
