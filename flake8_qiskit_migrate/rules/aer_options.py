"""The options of ``AerSimulator`` (its ``_default_options()``) in qiskit-aer 0.13.3, every one
still an option of it in qiskit-aer 0.18.2 (checked in both releases; ``tests/
test_execute_ignored_options.py`` checks the installed one). ``execute`` passed any of them to
``backend.run``, which set it for the run; ``backend.run`` does the same today."""

AER_SIMULATOR_OPTIONS = frozenset({
    "accept_distributed_results", "batched_shots_gpu", "batched_shots_gpu_max_qubits",
    "blocking_enable", "blocking_qubits", "chop_threshold", "chunk_swap_buffer_qubits",
    "cuStateVec_enable", "device", "enable_truncation", "executor",
    "extended_stabilizer_approximation_error", "extended_stabilizer_metropolis_mixing_time",
    "extended_stabilizer_norm_estimation_repetitions",
    "extended_stabilizer_norm_estimation_samples", "extended_stabilizer_parallel_threshold",
    "extended_stabilizer_probabilities_snapshot_samples",
    "extended_stabilizer_sampling_method", "fusion_enable", "fusion_max_qubit",
    "fusion_threshold", "fusion_verbose", "matrix_product_state_max_bond_dimension",
    "matrix_product_state_truncation_threshold", "max_job_size", "max_memory_mb",
    "max_parallel_experiments", "max_parallel_shots", "max_parallel_threads", "max_shot_size",
    "memory", "method", "mps_log_data", "mps_omp_threads", "mps_parallel_threshold",
    "mps_sample_measure_algorithm", "mps_swap_direction", "noise_model",
    "num_threads_per_device", "precision", "runtime_parameter_bind_enable", "seed_simulator",
    "shot_branching_enable", "shot_branching_sampling_enable", "shots",
    "stabilizer_max_snapshot_probabilities", "statevector_parallel_threshold",
    "statevector_sample_measure_opt", "tensor_network_num_sampling_qubits",
    "use_cuTensorNet_autotuning", "validation_threshold", "zero_threshold"
})
