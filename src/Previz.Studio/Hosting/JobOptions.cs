namespace Previz.Studio.Hosting;

/// <summary>How the job machinery paces itself.</summary>
public sealed class JobOptions
{
    /// <summary>
    /// Whether this process runs jobs (Hangfire servers and the recurring poll). False makes a <c>serve</c> process a
    /// web front only, for a deployment whose <c>previz worker</c> processes on other machines do the jobs.
    /// </summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>Workers for Direct Render (CPU-bound; one per machine by default).</summary>
    public int RenderWorkers { get; set; } = 1;

    /// <summary>Workers for hosted-model steps (short network calls).</summary>
    public int HostedWorkers { get; set; } = 20;

    /// <summary>How long a worker owns a generation without renewing; a crashed worker's jobs resume after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>After this, Hangfire hands a job whose worker vanished to another worker.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often workers look for new jobs and due delayed jobs.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait before asking a vendor for status.</summary>
    public TimeSpan FirstStatusDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between status requests.</summary>
    public TimeSpan MaxStatusDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the recurring job runs the status polls that are due (whole seconds, 1 to 59).</summary>
    public int DueStepsEverySeconds { get; set; } = 1;

    /// <summary>Status polls (and the downloads they lead to) one run of the recurring job makes at the same time.</summary>
    public int PollConcurrency { get; set; } = 16;

    /// <summary>Most generations one run of the recurring job polls or recovers; the rest wait for the next run.</summary>
    public int PollBatch { get; set; } = 500;

    /// <summary>
    /// Generations one process plans at the same time (unset: one per core); further create calls wait their turn.
    /// Planning is CPU and database work: more at once only share the same cores with the jobs already running (see
    /// <see cref="Jobs.CreateLimiter"/>).
    /// </summary>
    public int? CreateConcurrency { get; set; }

    /// <summary>
    /// How long a generation may stand unchanged, with nobody holding its lease, before the recurring job puts its step
    /// back on the queue: a Hangfire job lost with a killed worker, a step whose retries ran out, a process that died
    /// mid-render. A running hosted generation needs no such wait: its due poll resumes it.
    /// </summary>
    public TimeSpan RecoverStepsAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a serve process reads the change log for changes made by other processes (its own commits, and
    /// PostgreSQL notifications, wake it at once).
    /// </summary>
    public TimeSpan EventPollingInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Status requests that may fail in a row before the job is failed.</summary>
    public int MaxStatusErrors { get; set; } = 20;
}
