namespace FedDashboard.Core.Learning.Data;

/// <summary>
/// One MNIST split: <see cref="Count"/> labels and 28x28 images whose pixels are normalised with
/// the usual MNIST mean and standard deviation, row-major, image after image.
/// </summary>
public sealed class MnistSplit
{
    public const int ImageSide = 28;
    public const int PixelsPerImage = ImageSide * ImageSide;
    public const int ClassCount = 10;

    public MnistSplit(byte[] labels, float[] pixels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)labels.Length * PixelsPerImage)
        {
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * (long)PixelsPerImage} pixels, got {pixels.Length}.", nameof(pixels));
        }
        Labels = labels;
        Pixels = pixels;
    }

    public int Count => Labels.Length;

    public byte[] Labels { get; }

    public float[] Pixels { get; }

    /// <summary>The samples at the given indices, in that order.</summary>
    public MnistSplit Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var labels = new byte[indices.Count];
        var pixels = new float[indices.Count * PixelsPerImage];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = Labels[indices[i]];
            Array.Copy(Pixels, indices[i] * PixelsPerImage, pixels, i * PixelsPerImage, PixelsPerImage);
        }
        return new MnistSplit(labels, pixels);
    }
}
