using System.Text.Json.Nodes;
using Previz.Providers.Hosting;
using Previz.Providers.Tests.Loopback;
using Previz.Testing;

namespace Previz.Providers.Tests.Http;

/// <summary>
/// Every body a client sends carries a Content-Length and is never chunked, as the vendors' SDKs send theirs: some API
/// gateways refuse a chunked body.
/// </summary>
public sealed class RequestBodyFramingTests
{
    public static TheoryData<HostedProvider> Vendors => [HostedProvider.Fal, HostedProvider.Runway, HostedProvider.Luma];

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task A_submit_and_its_uploads_arrive_with_a_content_length_and_unchunked(HostedProvider provider)
    {
        await using var harness = await ProviderHarness.StartAsync();
        IHostedVideoClient client = provider switch
        {
            HostedProvider.Fal => harness.Fal,
            HostedProvider.Runway => harness.Runway,
            _ => harness.Luma,
        };
        var (endpoint, transport, target) = provider switch
        {
            HostedProvider.Fal => (ProviderHarness.FalEndpoint, InputFileTransport.Upload, "/image_url"),
            HostedProvider.Runway => ("image_to_video", InputFileTransport.Upload, "/promptImage"),
            _ => ("generations", InputFileTransport.InlineMedia, "/video/start_frame"),
        };
        var body = new JsonObject { ["prompt"] = "A slow crane up over the stadium at dusk", ["video"] = new JsonObject() };
        var request = new HostedRequest(provider, endpoint, body) { Files = [new HostedInputFile("start.png", "image/png", Media.Png(), target, transport)] };

        var job = await client.SubmitAsync(request, CancellationToken.None);
        await client.CancelAsync(job, CancellationToken.None);

        var sent = harness.Vendor.Requests.Where(r => r.Method is "POST" or "PUT").ToList();
        Assert.Equal(provider == HostedProvider.Luma ? 1 : 3, sent.Count(r => r.Method == "POST" || r.Path.StartsWith("/upload/", StringComparison.Ordinal)));
        Assert.Single(harness.Vendor.Submitted);
        Assert.All(sent, r =>
        {
            Assert.Equal(r.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Header("Content-Length"));
            Assert.Null(r.Header("Transfer-Encoding"));
        });
    }
}
