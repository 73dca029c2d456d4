using FedDashboard.Core.Learning.Parameters;
using Onnx;

namespace FedDashboard.Core.Learning.Formats;

/// <summary>
/// Builds an ONNX graph with the schema's generated classes. Every node's output tensor carries the node's own
/// name, so the graph reads as a chain of named steps; weights keep their TorchSharp names.
/// </summary>
internal sealed class OnnxGraphBuilder(string name)
{
    private const int _float = (int)TensorProto.Types.DataType.Float;

    public GraphProto Graph { get; } = new() { Name = name };

    /// <summary>A float32 tensor fed or returned by the caller; a null dimension is the batch size, named <paramref name="batch"/>.</summary>
    public void Input(string tensor, string batch, params long?[] dimensions) => Graph.Input.Add(FloatValue(tensor, batch, dimensions));

    public void Output(string tensor, string batch, params long?[] dimensions) => Graph.Output.Add(FloatValue(tensor, batch, dimensions));

    public string Weight(NamedArray array)
    {
        var tensor = new TensorProto { Name = array.Name, DataType = _float };
        tensor.Dims.AddRange(array.Shape.Select(dimension => (long)dimension));
        tensor.FloatData.AddRange(array.Values);
        Graph.Initializer.Add(tensor);
        return array.Name;
    }

    public string Scalar(string tensor, float value) => Weight(new NamedArray(tensor, [], [value]));

    public string Node(string opType, string node, string[] inputs, params AttributeProto[] attributes)
    {
        var proto = new NodeProto { OpType = opType, Name = node };
        proto.Input.AddRange(inputs);
        proto.Output.Add(node);
        proto.Attribute.AddRange(attributes);
        Graph.Node.Add(proto);
        return node;
    }

    public static AttributeProto Int(string attribute, long value) =>
        new() { Name = attribute, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string attribute, params long[] values)
    {
        var proto = new AttributeProto { Name = attribute, Type = AttributeProto.Types.AttributeType.Ints };
        proto.Ints.AddRange(values);
        return proto;
    }

    private static ValueInfoProto FloatValue(string tensor, string batch, long?[] dimensions)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dimensions.Select(dimension => dimension is { } value
            ? new TensorShapeProto.Types.Dimension { DimValue = value }
            : new TensorShapeProto.Types.Dimension { DimParam = batch }));
        return new ValueInfoProto
        {
            Name = tensor,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = _float, Shape = shape } },
        };
    }
}
