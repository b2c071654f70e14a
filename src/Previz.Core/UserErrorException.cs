namespace Previz.Core;

/// <summary>
/// Base of every error the user can fix (bad input, a missing tool, an option a model lacks). The edges turn it into
/// a readable message: CLI exit code 2, HTTP 400 problem details, a red line in the studio. Anything else is a bug.
/// </summary>
public class UserErrorException : Exception
{
    public UserErrorException()
    {
    }

    public UserErrorException(string message)
        : base(message)
    {
    }

    public UserErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
