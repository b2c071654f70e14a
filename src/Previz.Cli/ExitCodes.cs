namespace Previz.Cli;

/// <summary>Process exit codes: scripts rely on these.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A bug in Previz: reported with details so it can be fixed.</summary>
    public const int Bug = 1;

    /// <summary>Something the user can fix: bad input, an unsupported option, a missing tool.</summary>
    public const int UserError = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Canceled = 130;
}
