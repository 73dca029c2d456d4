using System.Linq.Expressions;
using System.Reflection;

namespace FedDashboard.Model;

/// <summary>
/// A record being edited by a form. An input binds to a <see cref="Field{TValue}"/>'s value; setting it replaces the record
/// with a copy that differs in that one member (the nested records on the way copied too), so a form neither mirrors the
/// record's members nor maps them back. A field's <see cref="FormField{T, TValue}.Name"/> ("Termination.MaxRounds") is the
/// name the record's own validation gives it, so an error lands at its input.
/// </summary>
public sealed class FormDraft<T>(T value) where T : class
{
    public T Value { get; set; } = value;

    /// <param name="member">A chain of properties from the record, such as <c>p => p.Termination.MaxRounds</c>.</param>
    public FormField<T, TValue> Field<TValue>(Expression<Func<T, TValue>> member) => new(this, PathOf(member.Body));

    private static IReadOnlyList<PropertyInfo> PathOf(Expression body) => body switch
    {
        MemberExpression { Member: PropertyInfo property } member => [.. PathOf(member.Expression!), property],
        ParameterExpression => [],
        UnaryExpression { NodeType: ExpressionType.Convert } conversion => PathOf(conversion.Operand),
        _ => throw new ArgumentException($"A form field is a chain of properties from the record, not '{body}'.", nameof(body)),
    };
}

/// <summary>One member of a <see cref="FormDraft{T}"/>, read and replaced through the chain of properties that leads to it.</summary>
public sealed class FormField<T, TValue>(FormDraft<T> draft, IReadOnlyList<PropertyInfo> path) where T : class
{
    private static readonly MethodInfo ShallowCopy = typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!;

    public string Name => string.Join('.', path.Select(p => p.Name));

    public TValue Value
    {
        get => (TValue)path.Aggregate<PropertyInfo, object?>(draft.Value, (record, property) => property.GetValue(record))!;
        set => draft.Value = (T)With(draft.Value, 0, value);
    }

    // What a record's `with` does, one level of the path at a time: a shallow copy whose init-only member is set.
    private object With(object record, int level, object? value)
    {
        var copy = ShallowCopy.Invoke(record, null)!;
        var property = path[level];
        property.SetValue(copy, level == path.Count - 1 ? value : With(property.GetValue(record)!, level + 1, value));
        return copy;
    }
}
