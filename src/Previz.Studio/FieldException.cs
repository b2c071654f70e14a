using Previz.Core;

namespace Previz.Studio;

/// <summary>A user error about one field of a request; the problem details name it.</summary>
public sealed class FieldException : UserErrorException
{
    public FieldException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public FieldException()
    {
        Field = string.Empty;
    }

    public FieldException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    public FieldException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    public string Field { get; }
}
