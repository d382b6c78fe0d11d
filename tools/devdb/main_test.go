package main

import "testing"

func TestSessionSettingsGoWithEveryConnectionUnlessGiven(t *testing.T) {
	got, err := withSessionSettings("postgres://root@127.0.0.1:5432/credit_dev")
	if err != nil || got != "postgres://root@127.0.0.1:5432/credit_dev?random_page_cost=1.1" {
		t.Fatalf("withSessionSettings = %q, %v", got, err)
	}
	got, err = withSessionSettings("postgres://root@127.0.0.1:5432/credit_dev?random_page_cost=2&sslmode=disable")
	if err != nil || got != "postgres://root@127.0.0.1:5432/credit_dev?random_page_cost=2&sslmode=disable" {
		t.Fatalf("withSessionSettings kept the given setting? %q, %v", got, err)
	}
}
