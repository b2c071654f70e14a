using System.Net;

namespace Previz.Studio.Tests.Api;

public sealed class TokenCookieTests
{
    [Fact]
    public async Task A_page_opened_with_access_token_gets_a_cookie_that_lets_video_and_image_requests_through()
    {
        await using var studio = await StudioFixture.StartAsync("--PREVIZ_TOKEN=s3cret-token");

        using (var refused = await studio.Client.GetAsync("/api/gallery"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        string cookie;
        using (var opened = await studio.Client.GetAsync("/?access_token=s3cret-token"))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            // The page sets its antiforgery cookie too.
            cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"), c => c.StartsWith("previz_token=", StringComparison.Ordinal));
        }

        Assert.StartsWith("previz_token=s3cret-token", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/gallery");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var withCookie = await studio.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
    }
}
