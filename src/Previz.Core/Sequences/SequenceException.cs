namespace Previz.Core.Sequences;

/// <summary>A sequence that cannot be cut as asked: a take or cue that does not fit, a shot without a take.</summary>
public sealed class SequenceException : UserErrorException
{
    public SequenceException()
    {
    }

    public SequenceException(string message)
        : base(message)
    {
    }

    public SequenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
