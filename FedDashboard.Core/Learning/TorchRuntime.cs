using System.Runtime.InteropServices;
using TorchSharp;

namespace FedDashboard.Core.Learning;

/// <summary>
/// The one gate to libtorch: every torch-using entry point passes through <see cref="EnsureLoaded"/>,
/// so a native load failure surfaces once, with a message that says how to fix it.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lazy<bool> _loaded = new(Load);

    /// <summary>Loads libtorch or throws <see cref="InvalidOperationException"/>; call at start-up.</summary>
    public static void EnsureLoaded() => _ = _loaded.Value;

    /// <summary>
    /// Sets libtorch's process-wide intra-op thread count. It is global, not per training: with
    /// several concurrent trainings, set it once to (cores / trainings).
    /// </summary>
    public static void Configure(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        EnsureLoaded();
        torch.set_num_threads(threads);
    }

    public static int Threads
    {
        get
        {
            EnsureLoaded();
            return torch.get_num_threads();
        }
    }

    private static bool Load()
    {
        try
        {
            using var probe = torch.zeros(1);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                $"TorchSharp could not load libtorch: {NativeLoadError()}{Describe(ex)}. Run ./fed run (it patches TorchSharp's native " +
                "wrapper libLibTorchSharp.so for this system's libstdc++, see build/patch-torchsharp.sh) or see README.",
                ex);
        }
    }

    // TorchSharp's own message blames a missing package reference; the loader's error (for example
    // "version `GLIBCXX_3.4.32' not found") is the real cause, so load the wrapper once more to get it.
    private static string NativeLoadError()
    {
        var wrapper = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!OperatingSystem.IsLinux() || !File.Exists(wrapper))
        {
            return "";
        }
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(wrapper));
            return "";
        }
        catch (DllNotFoundException loadError)
        {
            return $"{loadError.Message.Trim()} -> ";
        }
    }

    private static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message.Trim());
        }
        return string.Join(" -> ", messages);
    }
}
