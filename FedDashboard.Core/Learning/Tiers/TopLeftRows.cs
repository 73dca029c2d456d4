namespace FedDashboard.Core.Learning.Tiers;

/// <summary>
/// Walks the top-left block of shape <c>inner</c> inside a row-major array of shape <c>outer</c>,
/// one innermost row at a time, so slicing and aggregating copy whole spans.
/// </summary>
internal static class TopLeftRows
{
    /// <summary>Each row's offset in the inner array, its offset in the outer array, and its length.</summary>
    public static IEnumerable<(int Inner, int Outer, int Length)> Of(int[] inner, int[] outer)
    {
        var rank = inner.Length;
        var rowLength = inner[^1];
        if (inner.Contains(0))
        {
            yield break;
        }
        var outerStrides = new int[rank];
        outerStrides[^1] = 1;
        for (var d = rank - 2; d >= 0; d--)
        {
            outerStrides[d] = outerStrides[d + 1] * outer[d + 1];
        }

        // An odometer over every dimension but the last.
        var index = new int[rank];
        var innerOffset = 0;
        while (true)
        {
            var outerOffset = 0;
            for (var d = 0; d < rank - 1; d++)
            {
                outerOffset += index[d] * outerStrides[d];
            }
            yield return (innerOffset, outerOffset, rowLength);
            innerOffset += rowLength;

            var carry = rank - 2;
            while (carry >= 0 && ++index[carry] == inner[carry])
            {
                index[carry--] = 0;
            }
            if (carry < 0)
            {
                yield break;
            }
        }
    }
}
