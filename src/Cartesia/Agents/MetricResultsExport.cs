namespace Cartesia.Agents;

/// <summary>Metric results exported as CSV text (<c>GET /agents/metrics/results/export</c>, at most 100 000 rows).</summary>
public sealed class MetricResultsExport : CartesiaResult
{
    internal MetricResultsExport(string csv) => Csv = csv;

    /// <summary>The CSV text, header line first.</summary>
    public string Csv { get; }

    /// <summary>The lines of the CSV (header first).</summary>
    public IReadOnlyList<string> Lines => Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <inheritdoc />
    public override string ToString() => Csv;
}
