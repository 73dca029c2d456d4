namespace FedDashboard.Core.Learning.Data;

/// <summary>Raw images from an IDX file: <see cref="Count"/> images of Rows x Columns bytes, row-major.</summary>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);
