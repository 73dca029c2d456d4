namespace FedDashboard.Core.Learning.Data;

public sealed record MnistData(MnistSplit Train, MnistSplit Test);
