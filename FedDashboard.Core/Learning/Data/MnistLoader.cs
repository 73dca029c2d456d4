namespace FedDashboard.Core.Learning.Data;

/// <summary>Loads the four original MNIST IDX files from one folder.</summary>
public static class MnistLoader
{
    private const float _mean = 0.1307f;
    private const float _standardDeviation = 0.3081f;

    public static MnistData Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return new MnistData(
            LoadSplit(Path.Combine(folder, MnistFiles.TrainImages), Path.Combine(folder, MnistFiles.TrainLabels)),
            LoadSplit(Path.Combine(folder, MnistFiles.TestImages), Path.Combine(folder, MnistFiles.TestLabels)));
    }

    /// <summary>Only the training split (train-images-idx3-ubyte, train-labels-idx1-ubyte): a terminal's own data in MNIST's format.</summary>
    public static MnistSplit LoadTrain(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return LoadSplit(Path.Combine(folder, MnistFiles.TrainImages), Path.Combine(folder, MnistFiles.TrainLabels));
    }

    private static MnistSplit LoadSplit(string imagesPath, string labelsPath)
    {
        var images = IdxReader.ReadImages(imagesPath);
        var labels = IdxReader.ReadLabels(labelsPath);
        if (images.Rows != MnistSplit.ImageSide || images.Columns != MnistSplit.ImageSide)
        {
            throw Invalid($"{imagesPath} holds {images.Rows}x{images.Columns} images; MNIST images are {MnistSplit.ImageSide}x{MnistSplit.ImageSide}");
        }
        if (images.Count != labels.Length)
        {
            throw Invalid($"{imagesPath} has {images.Count} images but {labelsPath} has {labels.Length} labels; the counts must match");
        }
        var badLabel = Array.FindIndex(labels, label => label >= MnistSplit.ClassCount);
        if (badLabel >= 0)
        {
            throw Invalid($"{labelsPath} has label {labels[badLabel]} at index {badLabel}; MNIST labels are 0-9");
        }
        return new MnistSplit(labels, Normalise(images.Pixels));
    }

    private static float[] Normalise(byte[] pixels)
    {
        var result = new float[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            result[i] = (pixels[i] / 255f - _mean) / _standardDeviation;
        }
        return result;
    }

    private static InvalidDataException Invalid(string problem) =>
        new($"MNIST data is not usable: {problem}. Delete the files and fetch them again. {MnistFiles.FetchHint}");
}
