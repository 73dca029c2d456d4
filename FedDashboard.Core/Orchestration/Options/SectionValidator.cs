using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.Options;

internal sealed class SectionValidator<T> : IValidateOptions<T> where T : class, IValidatedOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = options.Validate().Select(problem => $"{T.Section}:{problem}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
