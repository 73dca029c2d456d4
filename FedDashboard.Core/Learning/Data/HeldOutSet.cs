namespace FedDashboard.Core.Learning.Data;

/// <summary>A named part of MNIST's 10,000 test images a client may judge its model on.</summary>
/// <param name="Select">The indices into the test split, ascending, given its labels.</param>
public sealed record HeldOutSet(string Name, string Description, Func<byte[], int[]> Select);
