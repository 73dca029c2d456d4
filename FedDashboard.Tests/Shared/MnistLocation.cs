namespace FedDashboard.Tests.Shared;

/// <summary>Where the tests find MNIST: $FED_MNIST_PATH, else the repository's .data/mnist.</summary>
public static class MnistLocation
{
    public const string EnvironmentVariable = "FED_MNIST_PATH";

    public static string Folder =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), ".data", "mnist");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FedDashboard.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException(
            $"No FedDashboard.sln above {AppContext.BaseDirectory}; set {EnvironmentVariable} to the MNIST folder.");
    }
}
