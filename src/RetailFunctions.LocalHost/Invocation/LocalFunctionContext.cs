using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace RetailFunctions.LocalHost.Invocation;

/// <summary>The <see cref="FunctionContext"/> a function sees when the local fabric host invokes it.</summary>
internal sealed class LocalFunctionContext : FunctionContext
{
    public LocalFunctionContext(string functionName, string entryPoint, string assemblyPath, IReadOnlyDictionary<string, object?> bindingData, IServiceProvider services, CancellationToken cancellationToken)
    {
        FunctionId = functionName;
        FunctionDefinition = new Definition(functionName, entryPoint, assemblyPath);
        BindingContext = new Bindings(bindingData);
        InstanceServices = services;
        CancellationToken = cancellationToken;
        TraceContext = new Trace(Activity.Current?.Id ?? "", Activity.Current?.TraceStateString ?? "");
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; }

    public override TraceContext TraceContext { get; }

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext => null!;

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException("Invocation features belong to the Functions worker pipeline, which the local fabric host does not run.");

    public override CancellationToken CancellationToken { get; }

    private sealed class Bindings(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = data;
    }

    private sealed class Trace(string traceParent, string traceState) : TraceContext
    {
        public override string TraceParent { get; } = traceParent;

        public override string TraceState { get; } = traceState;
    }

    private sealed class Definition(string name, string entryPoint, string assemblyPath) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly { get; } = assemblyPath;

        public override string EntryPoint { get; } = entryPoint;

        public override string Id { get; } = name;

        public override string Name { get; } = name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
