namespace FedDashboard.Core.Learning.Data;

/// <summary>Loads the four original MNIST IDX files from one folder.</summary>
public static class MnistLoader
{
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

    /// <summary>The test split's raw pixels, not normalised: the images as a client of an exported model has them.</summary>
    public static MnistRawSplit LoadRawTest(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return LoadRawSplit(Path.Combine(folder, MnistFiles.TestImages), Path.Combine(folder, MnistFiles.TestLabels));
    }

    private static MnistSplit LoadSplit(string imagesPath, string labelsPath) => LoadRawSplit(imagesPath, labelsPath).Normalised();

    private static MnistRawSplit LoadRawSplit(string imagesPath, string labelsPath)
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
        return new MnistRawSplit(labels, images.Pixels);
    }

    private static InvalidDataException Invalid(string problem) =>
        new($"MNIST data is not usable: {problem}. Delete the files and fetch them again. {MnistFiles.FetchHint}");
}
