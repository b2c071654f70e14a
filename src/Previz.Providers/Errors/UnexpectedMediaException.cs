using Previz.Core;

namespace Previz.Providers.Errors;

/// <summary>A result URL answered with something that is not the expected video or image.</summary>
public sealed class UnexpectedMediaException : UserErrorException
{
    /// <summary>Creates the exception.</summary>
    public UnexpectedMediaException()
        : this("The vendor's result is not a video or an image.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnexpectedMediaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public UnexpectedMediaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The Content-Type the server sent, if any.</summary>
    public string? ContentType { get; init; }
}
