namespace FedDashboard.Core.Learning;

public sealed record MnistData(MnistSplit Train, MnistSplit Test);
