using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Formats;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Tests.Shared;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace FedDashboard.Tests.Core.Learning;

public sealed class OnnxExportTests
{
    private static readonly ParameterSet _seeded2NN = ModelInitializer.Initial(new ModelSpec(ModelArchitecture.Mlp2NN), seed: 1);

    [Theory]
    [InlineData(ModelArchitecture.Mlp2NN)]
    [InlineData(ModelArchitecture.Cnn)]
    public void Export_FullWidthModel_TakesImageGivesLogitsAndProbabilities(ModelArchitecture architecture)
    {
        var onnx = OnnxExport.Export(architecture, ModelInitializer.Initial(new ModelSpec(architecture), seed: 1));

        using var session = new InferenceSession(onnx);

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("image", input.Key);
        Assert.Equal([-1, 1, 28, 28], input.Value.Dimensions);
        Assert.Equal("N", input.Value.SymbolicDimensions[0]);
        Assert.Equal(["logits", "probabilities"], session.OutputMetadata.Keys.Order());
        Assert.All(session.OutputMetadata.Values, output => Assert.Equal([-1, 10], output.Dimensions));
    }

    [Fact]
    public void Export_WithProperties_RecordsProducerOpsetArchitectureNormalisationAndCallersProperties()
    {
        var onnx = OnnxExport.Export(ModelArchitecture.Mlp2NN, _seeded2NN, new Dictionary<string, string> { ["job"] = "7", ["version"] = "12" });

        var model = ModelProto.Parser.ParseFrom(onnx);

        Assert.Equal(("FedDashboard", 8L, 17L), (model.ProducerName, model.IrVersion, Assert.Single(model.OpsetImport).Version));
        var properties = model.MetadataProps.ToDictionary(entry => entry.Key, entry => entry.Value);
        Assert.Equal(("Mlp2NN", "7", "12"), (properties["architecture"], properties["job"], properties["version"]));
        Assert.Contains("(pixel / 255 - 0.1307) / 0.3081", properties["normalisation"]);
    }

    [Fact]
    public void Export_RunOnRawPixels_ProbabilitiesAreTheSoftmaxOfTheLogits()
    {
        var onnx = OnnxExport.Export(ModelArchitecture.Mlp2NN, _seeded2NN);
        using var session = new InferenceSession(onnx);
        var pixels = Enumerable.Range(0, 2 * 784).Select(i => (float)(i * 7 % 256)).ToArray();
        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [2, 1, 28, 28]);

        using var outputs = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { ["image"] = input }, ["logits", "probabilities"]);

        var logits = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        var probabilities = outputs[1].GetTensorDataAsSpan<float>().ToArray();
        for (var row = 0; row < 2; row++)
        {
            var exponentials = logits[(row * 10)..(row * 10 + 10)].Select(logit => Math.Exp(logit)).ToArray();
            var expected = exponentials.Select(value => value / exponentials.Sum());
            Assert.All(expected.Zip(probabilities[(row * 10)..(row * 10 + 10)]), pair => Assert.Equal(pair.First, pair.Second, 1e-5));
        }
    }

    [Fact]
    public void Export_NarrowerWidth_RefusesNamingFullWidth()
    {
        var narrow = ModelInitializer.Initial(new ModelSpec(ModelArchitecture.Mlp2NN, Width: 0.5), seed: 1);

        var error = Assert.Throws<ArgumentException>(() => OnnxExport.Export(ModelArchitecture.Mlp2NN, narrow));

        Assert.Contains("not the full-width Mlp2NN", error.Message);
        Assert.Contains("fc1.weight[100x784] but Mlp2NN at width 1 needs fc1.weight[200x784]", error.Message);
    }

    [Fact]
    public void Export_WrongShape_RefusesNamingTheArrayAndBothShapes()
    {
        var tampered = Replace(_seeded2NN, new NamedArray("fc2.weight", [200, 199], new float[200 * 199]));

        var error = Assert.Throws<ArgumentException>(() => OnnxExport.Export(ModelArchitecture.Mlp2NN, tampered));

        Assert.Contains("fc2.weight[200x199] but Mlp2NN at width 1 needs fc2.weight[200x200]", error.Message);
    }

    [Fact]
    public void Export_MissingArray_RefusesNamingIt()
    {
        var tampered = new ParameterSet(_seeded2NN.Arrays.Where(array => array.Name != "fc2.bias"));

        var error = Assert.Throws<ArgumentException>(() => OnnxExport.Export(ModelArchitecture.Mlp2NN, tampered));

        Assert.Contains("missing fc2.bias", error.Message);
    }

    [Fact]
    public void Export_OtherArchitecturesParameters_Refuses()
    {
        var error = Assert.Throws<ArgumentException>(() => OnnxExport.Export(ModelArchitecture.Cnn, _seeded2NN));

        Assert.Contains("not the full-width Cnn", error.Message);
    }

    [Fact]
    public void Export_NaNWeight_RefusesSayingSo()
    {
        var values = (float[])_seeded2NN["fc3.bias"].Values.Clone();
        values[4] = float.NaN;
        var tampered = Replace(_seeded2NN, new NamedArray("fc3.bias", [10], values));

        var error = Assert.Throws<ArgumentException>(() => OnnxExport.Export(ModelArchitecture.Mlp2NN, tampered));

        Assert.Contains("NaN or infinite", error.Message);
    }

    [Fact]
    public void Export_PropertyTakingAnOwnKey_RefusesNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            OnnxExport.Export(ModelArchitecture.Mlp2NN, _seeded2NN, new Dictionary<string, string> { ["normalisation"] = "none" }));

        Assert.Contains("metadata key 'normalisation'", error.Message);
    }

    private static ParameterSet Replace(ParameterSet parameters, NamedArray replacement) =>
        new(parameters.Arrays.Select(array => array.Name == replacement.Name ? replacement : array));
}
