using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Core.Learning.Models;

/// <summary>The two MNIST models of the FedAvg paper (McMahan et al. 2017).</summary>
public enum ModelArchitecture
{
    /// <summary>784-200-200-10 multilayer perceptron with ReLU ("2NN", 199,210 parameters).</summary>
    Mlp2NN,

    /// <summary>Two 5x5 conv layers (32, 64 channels) with 2x2 max pooling, FC 512, 10 outputs (1,663,370 parameters).</summary>
    Cnn,
}
