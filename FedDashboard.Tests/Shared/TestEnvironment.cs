using Npgsql;

namespace FedDashboard.Tests.Shared;

/// <summary>Where the tests find their real dependencies; ./fed test sets these, and the defaults match its private cluster.</summary>
public static class TestEnvironment
{
    /// <summary>
    /// A superuser's (or a role that may create databases and roles); by default the private cluster's superuser over its
    /// socket. Every test database's connections derive from it, and wait up to a minute to connect, not Npgsql's 15 s:
    /// on two cores with cluster nodes and agents running beside, a connect once took longer (the run queue was 5–14).
    /// </summary>
    public static string AdminConnectionString => new NpgsqlConnectionStringBuilder(
        Environment.GetEnvironmentVariable("FED_TEST_CONNECTION") is { Length: > 0 } value
            ? value
            : $"Host={Path.Combine(RepositoryRoot, ".data", "pg", "run")};Port=55432;Username=postgres;Database=postgres")
    {
        Timeout = 60,
    }.ConnectionString;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The tests' Redis (host:port). A test of several nodes needs it: without it, it fails rather than pass untested.</summary>
    public static string Redis =>
        Environment.GetEnvironmentVariable("FED_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("FED_TEST_REDIS is not set: run the tests through ./fed test, which starts a private Redis and sets it.");

    public static string MnistPath =>
        Environment.GetEnvironmentVariable("FED_MNIST_PATH") is { Length: > 0 } value ? value : Path.Combine(RepositoryRoot, ".data", "mnist");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("FED_CHROMIUM") is { Length: > 0 } value ? value : "/usr/bin/chromium";

    public static string ArtifactsPath
    {
        get
        {
            var path = Path.Combine(RepositoryRoot, "TestResults", "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FedDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No FedDashboard.sln above {AppContext.BaseDirectory}.");
    }
}
