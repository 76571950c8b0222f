/**
 * Off-policy evaluation (OPE) of bandit policies from the feedback log, or from an external logged-bandit file
 * ({@link io.ltrr.engine.ope.banditlog}, evaluated by {@link LogEvaluation#of(io.ltrr.engine.ope.banditlog.BanditLog)}:
 * one chosen action per round, so the semi-bandit formulas below reduce to the usual contextual-bandit ones).
 *
 * <h2>The value of a policy in the semi-bandit</h2>
 * A round offers arms A, the policy picks a set S ⊆ A and every chosen arm earns its own reward r_a ∈ [0, 1]
 * (see {@link io.ltrr.engine.store.LoggedRound} for how a round's several feedback events become one reward per
 * arm). The value of a policy π is the expected total reward of the arms it picks:
 * <pre>  V(π) = E_x [ Σ_a P_π(a ∈ S | x) · μ(x, a) ],   μ(x, a) = E[r_a | x]</pre>
 * It uses only the target's inclusion probabilities P_π(a ∈ S | x), which every
 * {@link io.ltrr.engine.bandit.SelectionPolicy} reports, so no set-level propensity is needed.
 *
 * <h2>Estimators</h2>
 * With the logging propensity p_ta = P_log(a ∈ S_t | x_t), the observation weight o_ta = 1{a ∈ S_t} / p_ta
 * (E[o_ta | x] = 1) and the target's π_ta = P_π(a ∈ S | x_t):
 * <ul>
 *   <li>IPS: (1/T) Σ_t Σ_a π_ta · o_ta · r_ta (unbiased when p_ta &gt; 0 wherever π_ta &gt; 0).</li>
 *   <li>SNIPS: Σ_a [Σ_t π_ta o_ta r_ta] / [Σ_t o_ta]: per arm, the IPS sum divided by the arm's total
 *       observation weight, whose expectation is T (the self-normalization of Swaminathan &amp; Joachims 2015,
 *       taken per arm because each arm's reward is observed on its own). Biased, but bounded and less variable.</li>
 *   <li>DR: (1/T) Σ_t Σ_a π_ta [r̂(x_t, a) + o_ta (r_ta − r̂(x_t, a))] with a reward model r̂ fitted on the log
 *       ({@link BucketMeanRewardModel}); unbiased if either the propensities or the model are right.</li>
 * </ul>
 * Confidence intervals are percentile bootstrap intervals over rounds (seeded resampling). The reward model is
 * fitted once on the whole log, not per resample, so the DR interval leaves out the model's own variance.
 *
 * <h2>Target policies</h2>
 * Fixed single-arm policies ({@link FixedArmTarget}) and the policies of the registry ({@link PolicyTarget}),
 * replayed over the log in order: at round t the target selects with the state it has at that point, which
 * gives π_t; in {@link PolicyTarget.Mode#PROGRESSIVE} mode it then learns the round's logged rewards of the
 * logged S (progressive validation: every round is evaluated with a state learned only from earlier rounds,
 * so there is no in-sample optimism). What is estimated then is "this policy learning from this traffic",
 * not what it would have earned had it chosen the arms itself. {@link PolicyTarget.Mode#FROZEN} keeps the
 * state it starts with (fresh, or restored from a snapshot), the textbook setting in which IPS is unbiased.
 */
package io.ltrr.engine.ope;
