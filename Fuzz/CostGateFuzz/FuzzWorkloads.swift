import CostGateWorkloads

/// The fixed companions of a fuzz input: an autoscaler that may join a fuzzed Deployment, workloads for
/// a fuzzed policy to gate (spot with checkpoints, a job array, a CronJob, a scaled Deployment), and a
/// policy that exercises quotas, per-run caps and rules on a fuzzed manifest.
enum FuzzWorkloads {
    static let autoscaler = """
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api, namespace: serving}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 2
      maxReplicas: 6
    """

    static let files: [String: [UInt8]] = [
        "spot.yaml": Array("""
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata:
          name: pretrain
          namespace: research
          annotations: {costgate.dev/duration: 36h, costgate.dev/checkpoint-interval: 2h}
        spec:
          pytorchReplicaSpecs:
            Master:
              replicas: 1
              template:
                spec:
                  nodeSelector: {karpenter.sh/capacity-type: spot, node.kubernetes.io/instance-type: p4d.24xlarge}
                  containers: [{name: m, image: x, resources: {limits: {nvidia.com/gpu: 8}}}]
            Worker:
              replicas: 7
              template:
                spec:
                  nodeSelector: {karpenter.sh/capacity-type: spot, node.kubernetes.io/instance-type: p4d.24xlarge}
                  containers: [{name: w, image: x, resources: {limits: {nvidia.com/gpu: 8}}}]
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: eval, namespace: research}
        spec:
          schedule: "0 */6 * * *"
          jobTemplate:
            spec:
              activeDeadlineSeconds: 3600
              template:
                spec:
                  nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4, cloud.google.com/gke-spot: "true"}
                  containers: [{name: e, image: x, resources: {limits: {nvidia.com/gpu: 1}}}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: serving}
        spec:
          replicas: 2
          template:
            spec:
              nodeSelector: {cloud.google.com/gke-accelerator: nvidia-tesla-t4}
              containers: [{name: api, image: x, resources: {limits: {nvidia.com/gpu: 1}}}]
        """.utf8),
        "array.sbatch": Array("""
        #!/bin/bash
        #SBATCH --account=research --partition=gpu
        #SBATCH --array=0-15%4
        #SBATCH -N 2-4 --gres=gpu:a100:8 --time=12:00:00
        #COSTGATE --duration=10h
        srun train.py
        """.utf8),
        "hpa.yaml": Array(autoscaler.utf8),
    ]

    static let policy = """
    version: 1
    unowned: warn
    defaults: {figure: p90, warnAt: 80%}
    teams:
      - name: research
        match: {namespaces: [research], accounts: [research]}
        quota: {perRun: 3000, monthly: 12000, gpusPerWorkload: 32}
      - name: serving
        match: {namespaces: [serving]}
        quota: {monthly: 5000, monthlyScale: max}
    rules:
      - id: spot-for-large-runs
        severity: warn
        message: Large runs use spot
        match: {kinds: [Job, PyTorchJob, SlurmJob]}
        requireSpotOverGPUHours: 500
      - id: declared-run-time
        message: Say how long it runs
        match: {kinds: [Job, PyTorchJob, SlurmJob]}
        requireDuration: true
    """
}
