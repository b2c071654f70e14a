namespace Previz.Core.Editing;

/// <summary>An operation that cannot apply, with the field of the operation at fault (<c>objectId</c>, <c>key.time</c>).</summary>
internal sealed class EditRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
