using System.Net;
using System.Security.Cryptography;
using System.Text;

using AvecSante.Api.Console;
using AvecSante.IntegrationTests.Support;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AvecSante.IntegrationTests.Console;

/// <summary>
/// Every console route of the table refuses who is not staff: anonymous, a forged platform header, a token signed by
/// someone else, a tenant member without the Staff role. Entra's keys are a test key here (the real retriever is the
/// same manager pointed at the tenant's metadata).
/// </summary>
public sealed class ConsoleAccessTests : IAsyncLifetime, IDisposable
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000aa";
    private const string ClientId = "11111111-1111-1111-1111-1111111111bb";
    private readonly RsaSecurityKey _tenantKey = new(RSA.Create(2048)) { KeyId = "tenant-key" };
    private readonly LocalHostFactory _host = new();

    public ConsoleAccessTests()
    {
        _host.Settings["Console:TenantId"] = Tenant;
        _host.Settings["Console:ClientId"] = ClientId;
        var configuration = new OpenIdConnectConfiguration();
        configuration.SigningKeys.Add(_tenantKey);
        _host.TestServices = services => services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration));
    }

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string> GuardedRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var function in ConsoleCatalog.Http.Where(f => !ConsoleCatalog.Open.Contains(f.Name)))
        {
            foreach (var method in function.Methods)
            {
                data.Add(method, "/api/" + System.Text.RegularExpressions.Regex.Replace(function.Route, @"\{\w+\}", "2025"));
            }
        }
        return data;
    }

    private HttpClient Client() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("texte", "Appel fictif"), new("title", "Appel fictif")]);
        }
        return request;
    }

    private static void AssertRefused(string method, HttpResponseMessage response)
    {
        if (method == "GET")
        {
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.StartsWith(ConsoleNavigation.SignIn + "?retour=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    private static string Token(RsaSecurityKey key, string[] roles, DateTime? expires = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = $"https://login.microsoftonline.com/{Tenant}/v2.0",
        Audience = ClientId,
        IssuedAt = DateTime.UtcNow.AddMinutes(-30),
        NotBefore = DateTime.UtcNow.AddMinutes(-30),
        Expires = expires ?? DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object>
        {
            ["oid"] = "22222222-2222-2222-2222-2222222222cc",
            ["name"] = "Nolwenn Exemple",
            ["preferred_username"] = "nolwenn.exemple@example.org",
            ["roles"] = roles,
        },
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    [Theory]
    [MemberData(nameof(GuardedRoutes))]
    public async Task An_anonymous_request_is_sent_to_sign_in_or_refused(string method, string path)
    {
        using var client = Client();
        using var response = await client.SendAsync(Request(method, path));
        AssertRefused(method, response);
    }

    [Theory]
    [MemberData(nameof(GuardedRoutes))]
    public async Task A_forged_platform_identity_header_is_refused(string method, string path)
    {
        var principal = """{"auth_typ":"aad","claims":[{"typ":"roles","val":"Staff"},{"typ":"name","val":"Intrus"}],"name_typ":"name","role_typ":"roles"}""";
        using var client = Client();
        using var request = Request(method, path);
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "intrus@example.org");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-IDP", "aad");
        using var response = await client.SendAsync(request);
        AssertRefused(method, response);
    }

    [Theory]
    [MemberData(nameof(GuardedRoutes))]
    public async Task A_token_signed_by_another_key_is_refused(string method, string path)
    {
        using var client = Client();
        using var request = Request(method, path);
        request.Headers.Add("X-MS-TOKEN-AAD-ID-TOKEN", Token(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "tenant-key" }, ["Staff"]));
        using var response = await client.SendAsync(request);
        AssertRefused(method, response);
    }

    [Fact]
    public async Task A_tenant_member_without_the_Staff_role_gets_a_French_403_and_an_expired_token_counts_for_nothing()
    {
        using var client = Client();
        using var request = Request("GET", "/api/console");
        request.Headers.Add("X-MS-TOKEN-AAD-ID-TOKEN", Token(_tenantKey, ["Reader"]));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Accès réservé à l'équipe", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var expired = Request("GET", "/api/console");
        expired.Headers.Add("X-MS-TOKEN-AAD-ID-TOKEN", Token(_tenantKey, ["Staff"], DateTime.UtcNow.AddMinutes(-10)));
        using var expiredResponse = await client.SendAsync(expired);
        Assert.Equal(HttpStatusCode.SeeOther, expiredResponse.StatusCode);
    }

    [Fact]
    public async Task A_staff_token_from_the_tenant_opens_the_console_with_the_person_s_name()
    {
        using var client = Client();
        using var request = Request("GET", "/api/console");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(_tenantKey, ["Staff"]));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nolwenn Exemple", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Aujourd'hui</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_posted_form_without_the_person_s_token_is_refused_even_when_signed_in()
    {
        using var client = Client();
        using var request = Request("POST", "/api/console/nouvel-appel/publier");
        request.Headers.Add("X-MS-TOKEN-AAD-ID-TOKEN", Token(_tenantKey, ["Staff"]));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Formulaire expiré", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
