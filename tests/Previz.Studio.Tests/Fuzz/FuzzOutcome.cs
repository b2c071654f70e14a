namespace Previz.Studio.Tests.Fuzz;

internal enum FuzzOutcome
{
    /// <summary>Refused with a readable error: a UserErrorException, or a 4xx with problem details.</summary>
    CleanError,

    /// <summary>Accepted (and, where it is a scene, rendered).</summary>
    Result,

    /// <summary>Any other exception, a 5xx, or a case that took more than its time.</summary>
    Crash,
}
