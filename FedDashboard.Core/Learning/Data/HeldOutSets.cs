namespace FedDashboard.Core.Learning.Data;

/// <summary>The held-out evaluation sets the server offers: the whole test split (the default) and honest subsets of it.</summary>
public static class HeldOutSets
{
    public const string Default = "mnist-test";

    private const int Half = 5000;

    public static readonly IReadOnlyList<HeldOutSet> All =
    [
        new(Default, "All 10,000 MNIST test images (the default).", labels => Where(labels, (_, _) => true)),
        new("mnist-test-first-5000", "The first 5,000 MNIST test images.", labels => Where(labels, (i, _) => i < Half)),
        new("mnist-test-last-5000", "The last 5,000 MNIST test images.", labels => Where(labels, (i, _) => i >= labels.Length - Half)),
        new("mnist-test-digits-0-4", "The MNIST test images of the digits 0 to 4.", labels => Where(labels, (_, label) => label <= 4)),
        new("mnist-test-digits-5-9", "The MNIST test images of the digits 5 to 9.", labels => Where(labels, (_, label) => label >= 5)),
    ];

    /// <returns>Null when the server offers no set of that name (names are matched exactly).</returns>
    public static HeldOutSet? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    private static int[] Where(byte[] labels, Func<int, byte, bool> keep) =>
        [.. Enumerable.Range(0, labels.Length).Where(i => keep(i, labels[i]))];
}
