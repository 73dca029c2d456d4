namespace FedDashboard.Core.Learning.Data;

/// <summary>
/// One MNIST split as its files hold it: <see cref="Count"/> labels and 28x28 images of raw 0-255 pixels, row-major,
/// image after image. What a client of an exported model feeds it.
/// </summary>
public sealed class MnistRawSplit
{
    public MnistRawSplit(byte[] labels, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)labels.Length * MnistSplit.PixelsPerImage)
        {
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * (long)MnistSplit.PixelsPerImage} pixels, got {pixels.Length}.", nameof(pixels));
        }
        Labels = labels;
        Pixels = pixels;
    }

    public int Count => Labels.Length;

    public byte[] Labels { get; }

    public byte[] Pixels { get; }

    /// <summary>The same images with <see cref="MnistNormalisation"/> applied: what training and evaluation use.</summary>
    public MnistSplit Normalised()
    {
        var result = new float[Pixels.Length];
        for (var i = 0; i < Pixels.Length; i++)
        {
            result[i] = MnistNormalisation.Apply(Pixels[i]);
        }
        return new MnistSplit(Labels, result);
    }
}
