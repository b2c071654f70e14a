namespace Previz.Studio.Jobs;

/// <summary>Hangfire queue names: Direct Render is CPU-bound and gets its own few workers.</summary>
public static class JobQueues
{
    public const string Render = "render";

    public const string Hosted = "hosted";
}
