using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cartesia.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/**/*.md compiles as shown. The convention:
/// <list type="bullet">
/// <item>A block is top-level statements. Its <c>using</c> directives, and those of the blocks before it in the same
/// file, are in scope (a reader copies the file's blocks in order), plus the implicit usings of a console project.</item>
/// <item>A block may use the few names a reader has anyway, declared by <see cref="SnippetContext"/>
/// (<c>client</c>, <c>request</c>, <c>token</c>, <c>builder</c>, …); it may declare its own of the same name.</item>
/// <item>Experimental-API diagnostics the README tells readers to suppress (<c>MEAI001</c>) are suppressed.</item>
/// <item>A block that cannot compile alone (it needs another package, or it is an outline) says so:
/// <c>```csharp no-compile</c>.</item>
/// </list>
/// </summary>
public partial class ReadmeSnippetTests
{
    private const string ImplicitUsings = "using System;\nusing System.Collections.Generic;\nusing System.IO;\nusing System.Linq;\nusing System.Net.Http;\nusing System.Threading;\nusing System.Threading.Tasks;\n";

    /// <summary>The names a snippet may use without declaring them (a reader has them in their own code).</summary>
    private const string SnippetContext = """
        using Cartesia;
        using Cartesia.Tts;
        using Microsoft.Extensions.Hosting;

        public static class SnippetContext
        {
            public static CartesiaClient client = null!;
            public static TtsRequest request = null!;
            public static TtsContext context = null!;
            public static string key = "", otherKey = "", token = "", prompt = "";
            public static ReadOnlyMemory<byte> frame;
            public static IAsyncEnumerable<ReadOnlyMemory<byte>> microphoneFrames = null!;
            public static Stream speaker = null!, microphone = null!;
            public static CancellationToken ct;
            public static HostApplicationBuilder builder = null!;
            public static Llm llm = null!;
            public static Call call = null!;
            public static void ShowPartial(string text) { }
        }

        public abstract class Llm { public abstract IAsyncEnumerable<string> StreamTokensAsync(string prompt); }

        public abstract class Call { public abstract ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken); }
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach ((string file, Snippet snippet) in AllSnippets())
        {
            data.Add(file, snippet.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_compiles_as_shown(string file, int line)
    {
        Snippet snippet = AllSnippets().Single(s => s.File == file && s.Snippet.Line == line).Snippet;

        IReadOnlyList<string> errors = Compile(snippet);

        Assert.True(errors.Count == 0, $"The C# block at {file}:{line} does not compile:\n{string.Join('\n', errors)}\n--- block ---\n{snippet.Code}");
    }

    [Fact]
    public void A_block_missing_a_using_fails()
    {
        var snippet = new Snippet(1, "AccessToken t = await client.AccessTokens.CreateAsync();", ["using Cartesia;"]);

        Assert.Contains(Compile(snippet), e => e.Contains("AccessToken", StringComparison.Ordinal));
        Assert.Empty(Compile(snippet with { Usings = ["using Cartesia;", "using Cartesia.AccessTokens;"] }));
    }

    [Fact]
    public void The_readme_has_blocks_to_check() => Assert.True(AllSnippets().Count(s => s.File == "README.md") >= 5);

    private static IReadOnlyList<string> Compile(Snippet snippet)
    {
        string program = ImplicitUsings + string.Join('\n', snippet.Usings.Distinct()) + "\nusing static SnippetContext;\n#line 1\n" + snippet.Body;
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        SyntaxTree[] trees = [CSharpSyntaxTree.ParseText(program, options, path: "snippet.cs"), CSharpSyntaxTree.ParseText(ImplicitUsings + SnippetContext, options, path: "context.cs")];
        var compilation = CSharpCompilation.Create(
            "Snippet",
            trees,
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.ConsoleApplication,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: [KeyValuePair.Create("MEAI001", ReportDiagnostic.Suppress)])); // the README says to suppress it
        using var output = new MemoryStream();
        return [.. compilation.Emit(output).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
        {
            paths[Path.GetFileName(path)] = path;
        }

        foreach (string path in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            paths.TryAdd(Path.GetFileName(path), path);
        }

        return [.. paths.Values.Where(IsAssembly).Select(p => MetadataReference.CreateFromFile(p))];
    }

    private static bool IsAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static IEnumerable<(string File, Snippet Snippet)> AllSnippets()
    {
        string root = RepositoryRoot();
        var files = new List<string> { Path.Combine(root, "README.md") };
        string docs = Path.Combine(root, "docs");
        if (Directory.Exists(docs))
        {
            files.AddRange(Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        }

        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            foreach (Snippet snippet in Parse(File.ReadAllLines(file)))
            {
                yield return (relative, snippet);
            }
        }
    }

    /// <summary>The file's compiled blocks, each with the usings of the blocks before it.</summary>
    private static IEnumerable<Snippet> Parse(string[] lines)
    {
        var usings = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            Match open = Fence().Match(lines[i]);
            if (!open.Success || open.Groups["lang"].Value != "csharp")
            {
                continue;
            }

            bool compile = !open.Groups["info"].Value.Contains("no-compile", StringComparison.Ordinal);
            string indent = open.Groups["indent"].Value;
            int start = i + 1;
            var code = new StringBuilder();
            for (i = start; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.AppendLine(lines[i].StartsWith(indent, StringComparison.Ordinal) ? lines[i][indent.Length..] : lines[i]);
            }

            var snippet = new Snippet(start, code.ToString(), [.. usings]);
            usings.AddRange(snippet.OwnUsings);
            if (compile)
            {
                yield return snippet with { Usings = [.. usings] };
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cartesia.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cartesia.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(?<indent>\s*)```(?<lang>[A-Za-z#+-]+)(?<info>.*)$")]
    private static partial Regex Fence();

    /// <summary>A block: where it starts, its code, and the usings in scope for it.</summary>
    public sealed record Snippet(int Line, string Code, IReadOnlyList<string> Usings)
    {
        /// <summary>The block's own using directives (its first lines), which head the compiled file.</summary>
        public IReadOnlyList<string> OwnUsings => [.. Code.Split('\n').Select(l => l.Trim()).TakeWhile(l => l.Length == 0 || UsingDirective().IsMatch(l)).Where(l => l.Length > 0)];

        /// <summary>The code without its using directives (blank lines kept so line numbers match).</summary>
        public string Body => string.Join('\n', Code.Split('\n').Select((l, n) => n < LeadingLines && UsingDirective().IsMatch(l.Trim()) ? string.Empty : l));

        private int LeadingLines => Code.Split('\n').TakeWhile(l => l.Trim().Length == 0 || UsingDirective().IsMatch(l.Trim())).Count();
    }

    [GeneratedRegex(@"^using\s+(static\s+)?[A-Za-z_][\w.]*\s*;$")]
    private static partial Regex UsingDirective();
}
