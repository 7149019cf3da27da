/** The Kubernetes documentation's sample Deployment (concepts/workloads/controllers/deployment). */
import sample from '../../../examples/nginx-deployment.yaml?raw';

export const SAMPLE_DEPLOYMENT = sample;
