/// Which Kubernetes kinds create pods, and which are read quietly because they never do.
package enum KubernetesKinds {
    /// Kinds that create no pods of their own: read and ignored without a word.
    package static let podless: Set<String> = [
        "Service", "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding",
        "Namespace", "Ingress", "IngressClass", "NetworkPolicy", "PersistentVolumeClaim", "PersistentVolume", "StorageClass",
        "PodDisruptionBudget", "CustomResourceDefinition", "LimitRange", "ResourceQuota", "PriorityClass", "Endpoints",
        "EndpointSlice", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "APIService", "Lease", "Event",
        "Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute", "ReferenceGrant", "ServiceMonitor", "PodMonitor",
        "PrometheusRule", "Certificate", "Issuer", "ClusterIssuer", "ClusterQueue", "LocalQueue", "ResourceFlavor",
        "WorkloadPriorityClass", "Cohort", "Topology", "AdmissionCheck", "ProvisioningRequestConfig", "Queue", "PodGroup",
        "ServingRuntime", "ClusterServingRuntime", "ClusterStorageContainer", "InferencePool", "InferenceModel",
        "InferenceObjective", "TrainingRuntime", "ClusterTrainingRuntime", "VolumeSnapshot", "VolumeSnapshotClass",
        "CSIDriver", "RuntimeClass", "NodePool", "EC2NodeClass", "NodeClass", "ComputeClass", "DeviceClass",
        "ResourceClaimTemplate", "ComputeDomain", "ResourceClaim", "ResourceSlice", "PodTemplate", "ControllerRevision", "Dataset",
        "AlluxioRuntime", "JuiceFSRuntime", "LLMInferenceServiceConfig", "ScaledObject", "TriggerAuthentication",
        "VerticalPodAutoscaler", "Kustomization", "HelmRelease", "Application", "AppProject", "Secret", "SealedSecret",
        "ExternalSecret", "SecretStore", "ClusterSecretStore", "DestinationRule", "VirtualService", "ServiceEntry",
        "PeerAuthentication", "AuthorizationPolicy", "EnvoyFilter", "Sidecar", "StatefulSetAutoscaler",
    ]

    /// Podless kinds no reader takes up (a TrainJob's runtimes are read to be joined with it).
    package static func isQuietlyIgnored(_ kind: String) -> Bool {
        podless.contains(kind) && kind != "TrainingRuntime" && kind != "ClusterTrainingRuntime"
    }
}
