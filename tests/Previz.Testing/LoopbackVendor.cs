using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Previz.Testing;

/// <summary>
/// One stand-in for the hosted vendors: a Kestrel server on 127.0.0.1 (random port) that plays fal's queue and storage
/// API, Runway's tasks and Luma's generations as each documents them (see the partial files per vendor), serves
/// <see cref="Clip"/> as every job's result, and records every request. A job is queued for the first quarter of
/// <see cref="WorkTime"/> after its submit, running until it has passed, then done (or failed with
/// <see cref="Failure"/>). A test scripts other answers (delays, errors, 429s, timeouts) per method and path with
/// <see cref="Answer"/>, per request with <see cref="Handle"/>, or per status call with <see cref="Statuses"/>; cut
/// downloads with <see cref="DownloadsToCut"/>.
/// </summary>
public sealed partial class LoopbackVendor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, VendorJob> _jobs = new();
    private readonly ConcurrentQueue<TimeSpan> _early = new();
    private readonly ConcurrentDictionary<string, string> _uploadSlots = new();
    private readonly ConcurrentDictionary<(string Method, string Path), Func<RecordedRequest, Reply>> _answers = new();
    private Func<RecordedRequest, Reply?> _handler = _ => null;
    private int _submits;
    private int _statusRequests;
    private int _statusScriptCalls;
    private int _downloadsToCut;
    private int _uploads;

    private LoopbackVendor(WebApplication app, byte[] clip)
    {
        _app = app;
        Clip = clip;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The file every finished job's result points at (unless <see cref="ClipOf"/> says otherwise).</summary>
    public byte[] Clip { get; }

    /// <summary>When set, the file served for a request id (a clip of its own for each job).</summary>
    public Func<string, byte[]>? ClipOf { get; set; }

    /// <summary>How long after its submit a job's clip is ready (read at every status request, so a test may change it).</summary>
    public TimeSpan WorkTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When set, called at each submit for that job's own work time (fixed from then on) instead of <see cref="WorkTime"/>.</summary>
    public Func<TimeSpan>? WorkTimes { get; set; }

    /// <summary>When set, jobs end failed with this vendor code and message instead of succeeding.</summary>
    public (string Code, string Message)? Failure { get; set; }

    /// <summary>Makes the id of each submitted job.</summary>
    public Func<string> NewRequestId { get; set; } = () => Guid.NewGuid().ToString();

    /// <summary>
    /// When not empty, status requests (of any vendor) are answered from this list in call order, the last one
    /// repeating, instead of from the job's time.
    /// </summary>
    public List<Func<Reply>> Statuses { get; } = [];

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The Authorization header of every request (empty where there was none).</summary>
    public IReadOnlyList<string> AuthorizationHeaders => Requests.Select(r => r.Header("Authorization") ?? string.Empty).ToList();

    public int Submits => Volatile.Read(ref _submits);

    public int StatusRequests => Volatile.Read(ref _statusRequests);

    /// <summary>Jobs that were asked to cancel.</summary>
    public int Cancels => _jobs.Values.Count(j => j.Canceled);

    /// <summary>Every submit: the endpoint and the body as the vendor received it (file fields hold their URLs).</summary>
    public ConcurrentQueue<(string Endpoint, JsonObject Body)> Submitted { get; } = new();

    /// <summary>The <c>prompt</c> of every submit.</summary>
    public IReadOnlyList<string> SubmittedPrompts => Submitted.Select(s => (string?)s.Body["prompt"] ?? string.Empty).ToList();

    /// <summary>Files uploaded through a vendor's storage API, by the URL handed out for them.</summary>
    public ConcurrentDictionary<string, UploadedFile> Uploads { get; } = new();

    /// <summary>Result file downloads per request id.</summary>
    public ConcurrentDictionary<string, int> Downloads { get; } = new();

    /// <summary>While set and not complete, result file downloads wait for it (after counting in <see cref="Downloads"/>).</summary>
    public Task? HoldDownloads { get; set; }

    /// <summary>How many more result downloads break off halfway (the connection dropped mid-body).</summary>
    public int DownloadsToCut
    {
        get => Volatile.Read(ref _downloadsToCut);
        set => Volatile.Write(ref _downloadsToCut, value);
    }

    /// <summary>For each status request answered "not done yet": how long before the clip was ready it came.</summary>
    public IReadOnlyCollection<TimeSpan> EarlyPolls => _early;

    /// <summary>Configuration pointing the providers at this stand-in, keyed as <c>appsettings</c> keys.</summary>
    public Dictionary<string, string?> ProviderSettings => new()
    {
        ["Providers:Fal:QueueUrl"] = FalQueueUrl.AbsoluteUri,
        ["Providers:Fal:StorageUrl"] = FalStorageUrl.AbsoluteUri,
        ["Providers:Runway:BaseUrl"] = RunwayUrl.AbsoluteUri,
        ["Providers:Luma:BaseUrl"] = LumaUrl.AbsoluteUri,
    };

    /// <summary>Starts the stand-in serving <paramref name="clip"/> (a small MP4 signature file when none is given).</summary>
    public static async Task<LoopbackVendor> StartAsync(byte[]? clip = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var vendor = new LoopbackVendor(app, clip ?? Media.Mp4());
        app.Run(vendor.HandleAsync);
        await app.StartAsync();
        vendor.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return vendor;
    }

    /// <summary>
    /// Answers requests through <paramref name="handler"/> from now on; where it returns null, the vendor's documented
    /// protocol answers.
    /// </summary>
    public void Handle(Func<RecordedRequest, Reply?> handler) => _handler = handler;

    /// <summary>Answers <paramref name="method"/> requests to <paramref name="path"/> through <paramref name="reply"/> from now on.</summary>
    public void Answer(string method, string path, Func<RecordedRequest, Reply> reply) => _answers[(method, path)] = reply;

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    /// <summary>When the clip of request <paramref name="id"/> was ready (its submit plus the work time).</summary>
    public DateTimeOffset CompletionOf(string id) => _jobs[id].SubmittedAt + WorkTimeOf(_jobs[id]);

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            buffer.ToArray(),
            DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);

        var parts = recorded.Path.Trim('/').Split('/');
        if ((_answers.TryGetValue((recorded.Method, recorded.Path), out var answer) ? answer(recorded) : _handler(recorded)) is { } scripted)
        {
            await WriteAsync(context, scripted);
        }
        else if (parts is ["files", var file] && recorded.Method == "GET")
        {
            await DownloadAsync(context, Path.GetFileNameWithoutExtension(file));
        }
        else
        {
            await WriteAsync(context, Fal(recorded, parts) ?? Runway(recorded, parts) ?? Luma(recorded, parts) ?? Reply.Empty(404));
        }
    }

    private static async Task WriteAsync(HttpContext context, Reply reply)
    {
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.ContentType is not null)
        {
            context.Response.ContentType = reply.ContentType;
        }

        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }

    private async Task DownloadAsync(HttpContext context, string id)
    {
        Downloads.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (HoldDownloads is { } hold)
        {
            await hold;
        }

        var clip = ClipOf?.Invoke(id) ?? Clip;
        context.Response.ContentType = "video/mp4";
        if (Interlocked.Decrement(ref _downloadsToCut) >= 0)
        {
            context.Response.ContentLength = clip.Length;
            await context.Response.Body.WriteAsync(clip.AsMemory(0, clip.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(clip);
    }

    /// <summary>Takes a submit: records it and starts the job's clock.</summary>
    private string Submit(string endpoint, RecordedRequest request)
    {
        Interlocked.Increment(ref _submits);
        Submitted.Enqueue((endpoint, JsonNode.Parse(request.BodyText)?.AsObject() ?? []));
        var id = NewRequestId();
        _jobs[id] = new VendorJob(DateTimeOffset.UtcNow) { WorkTime = WorkTimes?.Invoke() };
        return id;
    }

    /// <summary>
    /// Answers a status request for job <paramref name="id"/>: from <see cref="Statuses"/> when scripted, otherwise with
    /// what <paramref name="answer"/> says of where the job stands (null for an id never submitted).
    /// </summary>
    private Reply StatusOf(string id, Func<JobPhase?, Reply> answer)
    {
        Interlocked.Increment(ref _statusRequests);
        var scripted = Statuses.Count > 0 ? Statuses[Math.Min(Interlocked.Increment(ref _statusScriptCalls) - 1, Statuses.Count - 1)]() : null;
        return scripted ?? answer(PhaseOf(id));
    }

    private JobPhase? PhaseOf(string id)
    {
        if (!_jobs.TryGetValue(id, out var job))
        {
            return null;
        }

        var elapsed = DateTimeOffset.UtcNow - job.SubmittedAt;
        if (job.Canceled)
        {
            return JobPhase.Canceled;
        }

        var work = WorkTimeOf(job);
        if (elapsed >= work)
        {
            return Failure is null ? JobPhase.Succeeded : JobPhase.Failed;
        }

        // Says whether a job that needed a second poll was asked too soon and by how much.
        _early.Enqueue(work - elapsed);
        return elapsed < work / 4 ? JobPhase.Queued : JobPhase.Running;
    }

    /// <summary>Expects the bytes of <paramref name="file"/>, known as <paramref name="url"/>; returns the upload's slot.</summary>
    private string ExpectUpload(string url, UploadedFile file)
    {
        var slot = Interlocked.Increment(ref _uploads).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _uploadSlots[slot] = url;
        Uploads[url] = file;
        return slot;
    }

    /// <summary>Keeps the bytes sent to an upload slot (as <paramref name="update"/> takes them); false for a slot never handed out.</summary>
    private bool CompleteUpload(string slot, RecordedRequest request, Func<UploadedFile, UploadedFile> update)
    {
        if (!_uploadSlots.TryGetValue(slot, out var url))
        {
            return false;
        }

        Uploads[url] = update(Uploads[url] with { Content = request.Body });
        return true;
    }

    /// <summary>Marks job <paramref name="id"/> canceled; false when it was done already or is unknown.</summary>
    private bool Cancel(string id)
    {
        if (!_jobs.TryGetValue(id, out var job))
        {
            return false;
        }

        var done = DateTimeOffset.UtcNow - job.SubmittedAt >= WorkTimeOf(job);
        job.Canceled = true;
        return !done;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private enum JobPhase
    {
        Queued,
        Running,
        Succeeded,
        Failed,
        Canceled,
    }

    private TimeSpan WorkTimeOf(VendorJob job) => job.WorkTime ?? WorkTime;

    private sealed class VendorJob(DateTimeOffset submittedAt)
    {
        public DateTimeOffset SubmittedAt { get; } = submittedAt;

        /// <summary>This job's own work time (see <see cref="WorkTimes"/>).</summary>
        public TimeSpan? WorkTime { get; init; }

        public bool Canceled { get; set; }
    }
}
