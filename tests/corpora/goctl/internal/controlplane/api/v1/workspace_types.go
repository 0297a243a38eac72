package v1

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

type WorkspaceSpec struct {
	OrgID string `json:"orgID"`
	Size  string `json:"size"`
}

type WorkspaceStatus struct {
	Ready     bool `json:"ready"`
	Schedules int  `json:"schedules"`
}

// +kubebuilder:object:root=true
// +kubebuilder:subresource:status
type Workspace struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec   WorkspaceSpec   `json:"spec,omitempty"`
	Status WorkspaceStatus `json:"status,omitempty"`
}
