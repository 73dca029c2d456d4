namespace FedDashboard.Core.Domain.Strategies.Planning;

/// <summary>Terminals whose capacity score is at least MinScore train the model at this width (1 = the full model).</summary>
public readonly record struct WidthTier(double MinScore, double Width);
